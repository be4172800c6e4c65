import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { safeCallbackPath } from "~/lib/redirect";
import { clientIp } from "./client-ip";
import { signIn } from "./credentials";
import { sessionSecret } from "./secret";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** The page of this site a callbackUrl names (src/lib/redirect.ts), a whole URL accepted when
 *  it is on NEXTAUTH_URL's origin; `/photos` for anything else. */
export const callbackPath = (value: unknown) => safeCallbackPath(value, { origin: env.NEXTAUTH_URL });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  get secret() {
    return sessionSecret();
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Folio",
      credentials: {
        username: { label: "Username or e-mail", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        // a throttled attempt throws; NextAuth hands its message to the form as the error
        const identity = await signIn(credentials, clientIp(req?.headers));
        return identity && { id: identity.userId, sessionVersion: identity.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries only who and which session version; everything else is read fresh.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    // every redirect NextAuth makes (after sign-in and sign-out, from the form body, the query
    // or its callback cookie) goes to a page of this site; its default threw on an unparsable
    // URL such as http://localhost:3000.evil.example/ (a 500)
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, { origin: baseUrl })}`;
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.sub ?? "", sessionVersion: token.sv ?? 0 };
    },
  },
};
