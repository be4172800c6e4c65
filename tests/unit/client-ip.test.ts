// The client address the throttle counts (issue #15, item 5): X-Forwarded-For walked from the
// right past trusted proxies only; TRUSTED_PROXIES parsed as addresses and CIDR blocks.
import { describe, expect, it } from "vitest";
import { parseEnv, parseTrustedProxy } from "~/env";
import { clientIp, normaliseIp, trustedSet } from "~/server/auth/client-ip";

const trust = (...entries: string[]) => trustedSet(entries.map((e) => parseTrustedProxy(e)!));
const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("with no trusted proxy takes the last entry, the socket address Folio's server appends", () => {
    const none = trust();
    // a client sending its own header cannot choose: every try ends in the same socket address
    for (const forged of ["1.1.1.1", "2.2.2.2, 3.3.3.3", "garbage"]) expect(clientIp(xff(`${forged}, 203.0.113.9`), none)).toBe("203.0.113.9");
    expect(clientIp(xff("203.0.113.9"), none)).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "10.0.0.1, 198.51.100.4" }, none)).toBe("198.51.100.4");
    expect(clientIp(new Headers(), none)).toBeNull();
  });

  it("skips trusted proxies from the right and takes the first untrusted address", () => {
    const proxies = trust("127.0.0.1", "10.0.0.0/8");
    expect(clientIp(xff("198.51.100.7, 127.0.0.1"), proxies)).toBe("198.51.100.7");
    expect(clientIp(xff("198.51.100.7, 10.1.2.3, 127.0.0.1"), proxies)).toBe("198.51.100.7");
    // what a client wrote to the left of the first untrusted hop is never believed
    expect(clientIp(xff("6.6.6.6, 198.51.100.7, 10.1.2.3, 127.0.0.1"), proxies)).toBe("198.51.100.7");
    // a request from a proxy itself: every hop trusted, the leftmost
    expect(clientIp(xff("10.9.9.9, 127.0.0.1"), proxies)).toBe("10.9.9.9");
    // a proxy that passed on something that is no address: the proxy counts
    expect(clientIp(xff("not-an-ip, 127.0.0.1"), proxies)).toBe("127.0.0.1");
    // an untrusted socket address: its header is ignored
    expect(clientIp(xff("10.1.2.3, 192.0.2.50"), proxies)).toBe("192.0.2.50");
  });

  it("matches IPv6 blocks and IPv4-mapped IPv6 addresses, and gives one key per address", () => {
    const proxies = trust("::1", "fd00::/8", "192.168.0.0/16");
    expect(clientIp(xff("2001:db8::5, fd12::1, ::1"), proxies)).toBe("2001:db8::5");
    // the socket address of an IPv4 client on a dual-stack listener
    expect(clientIp(xff("198.51.100.7, ::ffff:192.168.1.1"), proxies)).toBe("198.51.100.7");
    expect(clientIp(xff("::ffff:198.51.100.7"), trust())).toBe("198.51.100.7");
    expect(clientIp(xff("2001:DB8::A"), trust())).toBe("2001:db8::a");
    expect(clientIp(xff("[2001:db8::a]:443"), trust())).toBe("2001:db8::a");
    expect(clientIp(xff("198.51.100.7:5555"), trust())).toBe("198.51.100.7");
    expect(normaliseIp("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normaliseIp("example.com")).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR blocks, IPv4 and IPv6, and mapped addresses as IPv4", () => {
    const env = parseEnv({ TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,::ffff:172.16.0.0/108" });
    expect(env.TRUSTED_PROXIES).toEqual([
      { address: "127.0.0.1", prefix: 32, family: "ipv4" },
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
      { address: "fd00::", prefix: 8, family: "ipv6" },
      { address: "172.16.0.0", prefix: 12, family: "ipv4" },
    ]);
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toEqual([]);
  });

  it("refuses anything else, naming the entries", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x", "999.1.1.1"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: `127.0.0.1,${bad}` }), bad).toThrow(`TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas; not ${bad}.`);
    }
  });
});

describe("HOST", () => {
  it("is unset by default (every interface) and refuses what is no address or host name", () => {
    expect(parseEnv({}).HOST).toBeUndefined();
    expect(parseEnv({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "::1" }).HOST).toBe("::1");
    expect(() => parseEnv({ HOST: "http://x/" })).toThrow("HOST must be an IP address or a host name");
  });
});
