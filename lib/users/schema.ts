import { z } from "zod";
import { emailSchema, requiredText } from "@/lib/validation";

export const passwordSchema = z.string().min(8, "passwordLength").max(200);
export const roleSchema = z.enum(["owner", "admin", "staff"]);

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
  name: requiredText(120).optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;
