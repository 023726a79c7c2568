import { canDeploy, formatBytes, nextStatuses, shortHash } from "./governance";

describe("governance vocabulary", () => {
  it("offers only the status changes the backend allows, never deployed", () => {
    expect(nextStatuses("candidate")).toEqual(["approved", "retired"]);
    expect(nextStatuses("approved")).toEqual(["retired"]);
    expect(nextStatuses("deployed")).toEqual(["retired"]);
    expect(nextStatuses("retired")).toEqual([]);
  });

  it("deploys only approved or already deployed versions", () => {
    expect(canDeploy("candidate")).toBe(false);
    expect(canDeploy("approved")).toBe(true);
    expect(canDeploy("deployed")).toBe(true);
    expect(canDeploy("retired")).toBe(false);
  });

  it("shortens hashes and sizes for tables", () => {
    expect(shortHash("a".repeat(64))).toBe(`${"a".repeat(12)}…`);
    expect(shortHash("abc")).toBe("abc");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MiB");
  });
});
