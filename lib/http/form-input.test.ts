import { describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { zodProblems } from "@/lib/errors/field-problems";
import { formText, readForm, ticked, typed } from "./form-input";

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe("readForm", () => {
  const schema = z.object({
    name: typed(),
    minutes: z.number().int().optional(),
    price: z.number(),
    agreed: ticked(),
    events: z.array(z.string()).default([]),
    client: z.object({ email: z.string() }),
  });

  it("types what a form posts: empty text, numbers with a decimal comma, boxes, lists, nested names", () => {
    const value = readForm(
      formOf([
        ["name", ""],
        ["minutes", ""],
        ["price", " 12,50 "],
        ["agreed", "on"],
        ["events", "a"],
        ["client.email", "ana@example.com"],
      ]),
      schema,
    );
    expect(value).toEqual({
      name: "",
      minutes: undefined,
      price: 12.5,
      agreed: true,
      events: ["a"],
      client: { email: "ana@example.com" },
    });
    expect(
      readForm(
        formOf([
          ["price", "1"],
          ["client.email", "x"],
          ["events", "a"],
          ["events", "b"],
        ]),
        schema,
      ),
    ).toMatchObject({ agreed: false, events: ["a", "b"] });
  });

  it("throws the schema's problems by field, as actions report them", () => {
    const read = () =>
      readForm(
        formOf([
          ["price", "ten"],
          ["minutes", "1.5"],
        ]),
        schema,
      );
    expect(read).toThrow(ZodError);
    try {
      read();
    } catch (error) {
      expect(zodProblems(error as ZodError)).toEqual({
        price: { kind: "number" },
        minutes: { kind: "wholeNumber" },
        "client.email": { kind: "required" },
      });
    }
  });
});

describe("formText", () => {
  it("keeps each field's text as sent, and empty for a field not sent or a file", () => {
    const form = formOf([
      ["name", " Ana "],
      ["payment.rule", "deposit"],
    ]);
    form.append("photo", new Blob(["x"]), "photo.png");
    expect(formText(form, ["name", "email", "photo", "payment.rule"])).toEqual({
      name: " Ana ",
      email: "",
      photo: "",
      "payment.rule": "deposit",
    });
  });
});
