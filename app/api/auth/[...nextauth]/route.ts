// GET/POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints
import { handleAuthRequest } from "@/lib/auth/auth-route";
import { otherMethods } from "@/lib/http/other-methods";

export { handleAuthRequest as GET, handleAuthRequest as POST };

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
