// One message per field (issue 15, item 12e): an empty username on the setup form said both
// "2 to 32 characters" and "only letters a-z...". Every form's schema, empty and with typical
// mistakes, gives at most one issue per field.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordFormSchema, editUserFormSchema, newAccountFormSchema } from "~/lib/form-schemas";
import { signInSchema, usernameSchema } from "~/lib/identity";
import { createUserSchema, updateAccountSchema, updateUserSchema } from "~/lib/users";

/** The messages per field of `schema` for `value`. */
function messagesByField(schema: z.ZodType, value: unknown) {
  const out: Record<string, string[]> = {};
  for (const issue of schema.safeParse(value).error?.issues ?? []) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

const forms: [string, z.ZodType, Record<string, unknown>][] = [
  ["setup and signup", newAccountFormSchema, { username: "", name: "", email: "", password: "", confirm: "" }],
  ["the admin's new user", createUserSchema, { username: "", name: "", email: "", password: "", scanPath: "" }],
  ["the admin's user dialog", editUserFormSchema, { username: "", name: "", email: "", password: "", scanPath: "" }],
  ["a user update", updateUserSchema, { id: "u1", username: "", email: "" }],
  ["sign-in", signInSchema, { username: "", password: "" }],
  ["the profile", updateAccountSchema, { email: "" }],
  ["the password change", changePasswordFormSchema, { currentPassword: "", newPassword: "", confirmPassword: "" }],
];

describe("form errors", () => {
  it.each(forms)("%s, sent empty, has one message per field", (_name, schema, empty) => {
    const fields = messagesByField(schema, empty);
    expect(Object.keys(fields).length).toBeGreaterThan(0);
    for (const [field, messages] of Object.entries(fields)) expect(messages, field).toHaveLength(1);
  });

  it.each(["", " ", "a", "A!", "x".repeat(40), "bad name!", "é"])("a username %j gets one message", (value) => {
    expect(messagesByField(usernameSchema, value)[""] ?? messagesByField(usernameSchema, value)._form).toHaveLength(1);
  });

  it("asks for a username when there is none", () => {
    expect(messagesByField(usernameSchema, "")).toEqual({ _form: ["Enter a username."] });
    expect(messagesByField(usernameSchema, "a")).toEqual({ _form: ["Username must be 2 to 32 characters."] });
    expect(messagesByField(usernameSchema, "bad name")).toEqual({ _form: ["Username may use only letters a-z, digits, dot, underscore and hyphen."] });
  });
});
