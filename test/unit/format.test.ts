import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, percentShown } from "../../src/core/format.ts";

const nbsp = (s: string) => s.replace(/\u00a0/g, " ");

describe("formatPercent", () => {
  it("writes a decimal comma in Russian and a point in English", () => {
    expect(nbsp(formatPercent(2 / 3, "ru"))).toBe("66,7 %");
    expect(formatPercent(2 / 3, "en")).toBe("66.7%");
    expect(nbsp(formatPercent(0.5, "ru"))).toBe("50 %");
  });
  it("never shows a share that is not zero as 0, nor a share below the whole as 100", () => {
    expect(nbsp(formatPercent(0.001, "ru"))).toBe("0,1 %");
    expect(nbsp(formatPercent(0.0001, "ru"))).toBe("<0,1 %");
    expect(formatPercent(0.0001, "en")).toBe("<0.1%");
    expect(nbsp(formatPercent(0.99999, "ru"))).toBe(">99,9 %");
    expect(nbsp(formatPercent(0.004, "ru", 0))).toBe("<1 %");
  });
  it("shows a true zero and the whole as they are, and no data as a dash", () => {
    expect(nbsp(formatPercent(0, "ru"))).toBe("0 %");
    expect(nbsp(formatPercent(1, "ru"))).toBe("100 %");
    expect(formatPercent(null, "ru")).toBe("—");
    expect(formatPercent(Number.NaN, "ru")).toBe("—");
  });
});

describe("percentShown", () => {
  it("rounds to the digits asked and marks bounds", () => {
    expect(percentShown(0.12345)).toEqual({ value: 12.3 });
    expect(percentShown(0.12345, 0)).toEqual({ value: 12 });
    expect(percentShown(0.00001)).toEqual({ value: 0.1, bound: "below" });
    expect(percentShown(0.004, 0)).toEqual({ value: 1, bound: "below" });
    expect(percentShown(0.9999)).toEqual({ value: 99.9, bound: "above" });
    expect(percentShown(-0.00001)).toEqual({ value: 0 });
  });
});

describe("formatNumber", () => {
  it("uses the locale's decimal separator", () => {
    expect(formatNumber(12.5, "ru")).toBe("12,5");
    expect(formatNumber(12.5, "en")).toBe("12.5");
    expect(formatNumber(7, "ru")).toBe("7");
  });
});
