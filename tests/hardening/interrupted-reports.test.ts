import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { root, seedJson, studyA, studyB } from "../helpers/fixtures.js";

/** Every file under a folder (hidden ones included) → sha256 of its bytes. */
function snapshot(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(folder, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(folder);
  return out;
}

/** The files of one top-level entry (a study's report folder, or index.html). */
function entry(files: Map<string, string>, top: string): string {
  return JSON.stringify([...files].filter(([path]) => path === top || path.startsWith(`${top}/`)));
}

const regenerateArgs = (studies: string, out: string, claims: string) => ["--import", "tsx", join(root, "analyses/regenerate.ts"), "--studies", studies, "--out", out, "--claims", claims];

describe("npm run reports interrupted (SIGKILL mid-write)", () => {
  it("leaves each report folder and the notebook wholly previous or wholly new, never partial or missing", async () => {
    const work = mkdtempSync(join(tmpdir(), "cohortcheck-interrupt-"));
    const out = join(work, "reports");
    const claims = join(work, "no-claims");
    mkdirSync(claims);
    // Version 1: the seed studies. Version 2: the same studies with other titles, so every report differs.
    const v1 = join(work, "studies-v1");
    const v2 = join(work, "studies-v2");
    mkdirSync(v1);
    mkdirSync(v2);
    for (const file of [studyA, studyB]) {
      cpSync(file, join(v1, file.split("/").pop()!));
      const changed = seedJson(file);
      changed.title = `${changed.title} (second version)`;
      writeFileSync(join(v2, file.split("/").pop()!), JSON.stringify(changed, null, 2));
    }
    const env = { ...process.env, TZ: "UTC" };
    const first = spawnSync(process.execPath, regenerateArgs(v1, out, claims), { cwd: root, encoding: "utf8", env });
    expect(first.status, first.stderr).toBe(0);
    const previous = snapshot(out);
    const tops = [...new Set([...previous.keys()].map((path) => path.split("/")[0]!))];
    expect(tops).toContain("index.html");

    // Second run, killed (with its whole process group) as soon as it starts writing into the folder.
    const child = spawn(process.execPath, regenerateArgs(v2, out, claims), { cwd: root, env, detached: true, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let sawWriting = false;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (readdirSync(out).some((name) => name.startsWith(".") && (name.includes(".new-") || name.endsWith(".tmp")))) {
        sawWriting = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    expect(sawWriting, "the second run was not caught while writing").toBe(true);
    const interrupted = snapshot(out);

    // Third run, to completion: the new version of every entry (deterministic, so the killed run would have written the same).
    const reference = join(work, "reference");
    const third = spawnSync(process.execPath, regenerateArgs(v2, reference, claims), { cwd: root, encoding: "utf8", env });
    expect(third.status, third.stderr).toBe(0);
    const next = snapshot(reference);

    for (const top of tops) {
      const now = entry(interrupted, top);
      expect(now === entry(previous, top) || now === entry(next, top), `${top} is neither the previous nor the new version`).toBe(true);
      expect(now).not.toBe("[]");
    }

    // A later run into the same folder completes and leaves no staging folder or temporary file behind.
    const again = spawnSync(process.execPath, regenerateArgs(v2, out, claims), { cwd: root, encoding: "utf8", env });
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(out)).toEqual(next);
    // Four regenerations of the seeds (one killed): 10–15 s each on the shared 2-core machine under load,
    // so the default 60 s is raced by the clock; the work is bounded, not the time.
  }, 300_000);
});
