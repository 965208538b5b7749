// Type-checked by test/types.test.mjs: the web build's declarations (default export `init`),
// resolved through the package's `exports` (default condition), as a bundler would.
import init, { parsePlan } from "kehoach";
import type { ParseOutput } from "kehoach";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<ReturnType<typeof parsePlan>> = false;

export async function load(text: string): Promise<number> {
  await init();
  const out: ParseOutput = parsePlan(text);
  return out.plan.body.length;
}

export { notAny };
