declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
  interface User {
    id: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
export {};
