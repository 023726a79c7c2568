import { fileName, laneStageRows, STAGES } from "./vocabulary";

describe("laneStageRows", () => {
  it("places each count under its lane and stage and totals each lane", () => {
    const rows = laneStageRows([
      { lane: "research", stage: "discovery", count: 2 },
      { lane: "portfolio", stage: "pilot", count: 3 },
      { lane: "portfolio", stage: "discovery", count: 1 },
    ]);
    expect(rows.map((r) => r.lane)).toEqual(["portfolio", "research", "rejected"]);
    const portfolio = rows[0]!;
    expect(portfolio.counts[STAGES.indexOf("pilot")]).toBe(3);
    expect(portfolio.counts[STAGES.indexOf("discovery")]).toBe(1);
    expect(portfolio.total).toBe(4);
    expect(rows[2]!.total).toBe(0);
  });
});

describe("fileName", () => {
  it("takes the last path segment on any platform", () => {
    expect(fileName("/home/ana/halden.steerco")).toBe("halden.steerco");
    expect(fileName("C:\\Users\\ana\\q3.steerco")).toBe("q3.steerco");
    expect(fileName("plain.steerco")).toBe("plain.steerco");
  });
});
