import { apiSignIn, newApi, trpcMutation } from "./api";
import { E2E_ADMIN } from "./constants";

/** Creates a user through admin.users.create, signed in as the e2e admin. */
export async function createUser(baseURL: string, user: { username: string; password: string; scanPath?: string }) {
  const api = await newApi(baseURL);
  try {
    if (!(await apiSignIn(api, E2E_ADMIN.username, E2E_ADMIN.password))) throw new Error("the e2e admin could not sign in");
    const res = await trpcMutation(api, "admin.users.create", { ...user, email: `${user.username}@folio.test`, name: user.username });
    if (res.status !== 200) throw new Error(`creating ${user.username} failed: ${res.error?.message}`);
    return res.data as { id: string };
  } finally {
    await api.dispose();
  }
}
