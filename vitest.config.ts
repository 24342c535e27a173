import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Benchmarks print figures; they are run by `npm run bench`, never as tests.
    exclude: ["tests/bench/**", "node_modules/**"],
    // Generous: only a hang should hit it. Tests bound their work; a busy shared machine may be 10× slower.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    // dist/ built first, so spawned CLIs run compiled code built from these sources (tests/setup/build-dist.ts).
    globalSetup: ["tests/setup/build-dist.ts"],
  },
});
