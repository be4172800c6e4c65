import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("the README shows docker-compose.cluster.yml as it is", () => {
  const readme = readFileSync("README.md", "utf8");
  expect(readme).toContain("```yaml\n" + readFileSync("docker-compose.cluster.yml", "utf8") + "```");
});
