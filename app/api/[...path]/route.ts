// Any other /api path – a JSON 404 in the business's language, never Next's HTML page

import { withTenant } from "@/lib/access/with-tenant";
import { AppError } from "@/lib/errors/app-error";

const notFound = withTenant("public", async () => {
  throw new AppError("NOT_FOUND");
});

export {
  notFound as DELETE,
  notFound as GET,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
