// Vietnamese phone numbers as customers write them in chat, and the numbers that are not phones
// (prices, dates, order codes) that the customer card must never offer to save.
import { describe, expect, it } from "vitest";
import { detectPhoneNumbers, formatPhoneNumber, parsePhoneNumber } from "@/lib/contacts/phone-number";

describe("detectPhoneNumbers finds the numbers customers write", () => {
  it.each([
    ["sdt em 0912345678 nha shop", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["0912-345-678", "0912345678"],
    ["091 234 5678", "0912345678"],
    ["0912 345678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["84 912 345 678", "0912345678"],
    ["+84.912.345.678", "0912345678"],
    ["(+84) 912 345 678", "0912345678"],
    ["+84 0912 345 678", "0912345678"],
    ["+84 912.345.678", "0912345678"],
    ["Số của chị: 0389 123 456.", "0389123456"],
    ["Zalo 0708-123-456 ạ", "0708123456"],
    ["Gọi 0565 123 456, cảm ơn", "0565123456"],
    ["(028) 3822 1234", "02838221234"],
    ["(028)38221234", "02838221234"],
    ["028 3822 1234", "02838221234"],
    ["0236.3822.123", "02363822123"],
    ["+84 28 3822 1234", "02838221234"],
    ["SĐT:0987654321", "0987654321"],
    ["Địa chỉ 12 Lê Lợi, Q1, sđt 0912 345 678", "0912345678"],
    ["0912 345 678 12 Lê Lợi", "0912345678"],
    ["giao 0912345678/0987654321", "0912345678"],
  ])("%s → %s", (text, number) => {
    expect(detectPhoneNumbers(text)[0]).toBe(number);
  });

  it("finds every number in a message, each once, in the order written", () => {
    expect(detectPhoneNumbers("Nhà 0912 345 678, cơ quan (028) 3822 1234, hoặc +84 912 345 678")).toEqual(["0912345678", "02838221234"]);
    expect(detectPhoneNumbers("giao 0912345678/0987654321")).toEqual(["0912345678", "0987654321"]);
  });

  it("finds a number next to a price or a date without gluing them together", () => {
    expect(detectPhoneNumbers("Giá 30.000 0912 345 678")).toEqual(["0912345678"]);
    expect(detectPhoneNumbers("Giao ngày 20.11.2024 0912345678")).toEqual(["0912345678"]);
  });
});

describe("detectPhoneNumbers leaves alone what is not a phone number", () => {
  it.each([
    "Giá 30.000 ạ",
    "Áo 350.000đ, ship 30.000",
    "Tổng 1.250.000 đồng",
    "150.000.000",
    "Mã đơn DH0912345678",
    "Đơn hàng #SPX0912345678VN",
    "Mã vận đơn 0912345678901",
    "Tài khoản 0011004123456 Vietcombank",
    "CCCD 001095012345",
    "Giao 05.03.2024 12:30",
    "Ngày 12/05/2024",
    "12-05-2024",
    "Hotline 1900 1234",
    "0123 456 789",
    "091234567",
    "0912 345 67",
    "size 39, cao 1m65, nặng 55kg",
    "0912 345.678",
    "+1 415 555 0132",
    "",
  ])("%s", (text) => {
    expect(detectPhoneNumbers(text)).toEqual([]);
  });
});

describe("parsePhoneNumber checks a number typed into the card", () => {
  it.each([
    ["0912345678", "0912345678"],
    [" 0912 345 678 ", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["(028) 3822 1234", "02838221234"],
  ])("%s → %s", (typed, canonical) => {
    expect(parsePhoneNumber(typed)).toBe(canonical);
  });

  it.each(["091234567", "09123456789", "0123456789", "1900 1234", "0912 abc 678", "0912345678 (nhà)", "+1 415 555 0132", "", "++84912345678"])("refuses %s", (typed) => {
    expect(parsePhoneNumber(typed)).toBeNull();
  });
});

describe("formatPhoneNumber", () => {
  it("groups a number as people read it", () => {
    expect(formatPhoneNumber("0912345678")).toBe("0912 345 678");
    expect(formatPhoneNumber("02838221234")).toBe("028 3822 1234");
  });
});
