import { localIsoDate } from "./files";

describe("localIsoDate", () => {
  it("zero-pads the local date", () => {
    expect(localIsoDate(new Date(2026, 1, 3, 0, 30))).toBe("2026-02-03");
  });
});
