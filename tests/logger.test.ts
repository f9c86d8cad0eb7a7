import { describe, expect, it } from "vitest";
import { describeError } from "@/lib/logger";

describe("describeError", () => {
  it("keeps a failed query's cause but never its parameters", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: "23505",
    });
    const error = new Error(
      "Failed query: insert into appointments (client_email) values ($1)\nparams: alice@example.com",
      { cause },
    );
    const text = describeError(error);
    expect(text).toContain("23505");
    expect(text).toContain("duplicate key");
    expect(text).not.toContain("alice@example.com");
  });
});
