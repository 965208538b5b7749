//! Tests over the seed plan's lead-agency values, list shapes from other plans, and succession.

mod fuzzy;
mod national;
mod real_strings;
mod split;
mod succession;

use super::*;
use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Locator};

pub(super) fn split(text: &str) -> (Vec<Agency>, Vec<Diagnostic>) {
    let idx = LineIndex::new(text);
    split_agencies(text, &Locator::new(&idx), Registry::embedded())
}

pub(super) fn names(a: &[Agency]) -> Vec<&str> {
    a.iter().map(|a| a.name.as_str()).collect()
}

pub(super) fn texts(a: &[Agency]) -> Vec<&str> {
    a.iter().map(|a| a.text.as_str()).collect()
}

pub(super) fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

pub(super) const TTTT: &str = "Sở Thông tin và Truyền thông";
pub(super) const KHCN: &str = "Sở Khoa học và Công nghệ";
pub(super) const KHDT: &str = "Sở Kế hoạch và Đầu tư";
pub(super) const CT: &str = "Sở Công Thương";
pub(super) const GDDT: &str = "Sở Giáo dục và Đào tạo";
pub(super) const TNMT: &str = "Sở Tài nguyên và Môi trường";
pub(super) const LDTBXH: &str = "Sở Lao động - Thương binh và Xã hội";
pub(super) const BQL: &str = "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi";
pub(super) const SBN: &str = "Các sở, ban, ngành";
pub(super) const UBH: &str = "Ủy ban nhân dân các huyện, thị xã, thành phố";
