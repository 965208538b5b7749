// DOM building without HTML parsing: every string becomes a text node or an attribute value
// (setAttribute), so plan text can never become markup. Nothing here uses innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Appends children to a node: strings and numbers as text nodes, nodes as they are; null,
 * undefined and false are skipped; arrays are flattened.
 */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") {
      for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    } else if (/^on/i.test(name)) {
      // Handlers as attribute strings would be code from data: refuse them outright.
      throw new Error(`inline event handler attribute ${name} is not allowed`);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  return node;
}

/** An HTML element: `h("td", { class: "x" }, "text", child)`. */
export function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), ...children);
}

/** An SVG element (createElementNS), same calling convention as `h`. */
export function s(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), ...children);
}

/** Removes every child and appends the new ones. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** Lowercase, NFC, diacritics stripped and đ → d: for search matching only, never for display. */
export function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}
