import { decodeUtf8, localIsoDate } from "./files";

describe("decodeUtf8", () => {
  it("reads UTF-8 and refuses other encodings by name", () => {
    expect(decodeUtf8(new TextEncoder().encode("title\nMüller"), "ok.csv")).toBe("title\nMüller");
    const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(() => decodeUtf8(latin1, "excel.csv")).toThrow("excel.csv is not UTF-8 text");
  });
});

describe("localIsoDate", () => {
  it("zero-pads the local date", () => {
    expect(localIsoDate(new Date(2026, 1, 3, 0, 30))).toBe("2026-02-03");
  });
});
