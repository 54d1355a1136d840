/**
 * `npm run bench` (third part): one enumeration round trip of the MS-SRVS provider against a real
 * Samba on loopback (the test harness starts and stops a private instance). Measures, in ms, an
 * enumeration of Sessions (one NetrSessionEnum), of Resources (one NetrFileEnum), a connect (SMB2
 * NEGOTIATE, NTLMv2 SESSION_SETUP, IPC$, srvsvc, bind) and the whole `npm start -- sessions` listing
 * without process start-up, with `--sessions N` clients each holding a file (default 20).
 * Run alone with `npx tsx bench/msrvs.ts [--sessions N]`. Without Samba it says so and exits 0.
 * Nothing here asserts a timing.
 */
import { connectMsSrvs, type MsSrvsProvider } from "../src/provider/msrvs/connectMsSrvs.js";
import { locateSambaBinaries } from "../test/support/samba/binaries.js";
import { type HeldFile, SambaServer } from "../test/support/samba/SambaServer.js";

const ROUNDS = 30;

/** Median and 90th percentile, in ms, of `rounds` runs of `op` (after one warm-up run). */
async function measure(op: () => Promise<unknown>, rounds = ROUNDS): Promise<[number, number]> {
  await op();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await op();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return [samples[Math.floor(rounds / 2)] as number, samples[Math.floor(rounds * 0.9)] as number];
}

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of items) count++;
  return count;
}

const flag = process.argv.indexOf("--sessions");
const clients = flag > 0 ? Number(process.argv[flag + 1]) : 20;
const { missing } = locateSambaBinaries();
if (missing.length > 0) {
  process.stdout.write(`bench/msrvs.ts skipped: Samba binaries missing (${missing.join(", ")})\n`);
} else {
  const samba = await SambaServer.start();
  const held: HeldFile[] = [];
  let provider: MsSrvsProvider | undefined;
  try {
    const users = ["alice", "bob", "carol", "dave"];
    for (let i = 0; i < clients; i++)
      held.push(await samba.holdFile(users[i % users.length] as string, `bench-${i}.txt`));
    const options = {
      host: samba.host,
      port: samba.port,
      user: samba.admin.name,
      password: samba.admin.password,
    };
    provider = await connectMsSrvs(options);
    const fso = await provider.GetObject(`WinNT://${samba.host}/LanmanServer`);
    const sessions = await fso.Sessions();
    const resources = await fso.Resources();
    const listed = [await drain(sessions), await drain(resources)];
    const rows: [string, [number, number]][] = [
      ["Sessions enumeration (NetrSessionEnum level 1)", await measure(() => drain(sessions))],
      ["Resources enumeration (NetrFileEnum level 3)", await measure(() => drain(resources))],
      [
        "Sessions.GetObject (an enumeration, then a match)",
        await measure(() => sessions.GetObject("alice\\127.0.0.1")),
      ],
      ["connect + bind + close", await measure(async () => (await connectMsSrvs(options)).close(), 10)],
    ];
    const header = `MS-SRVS round trips against Samba on loopback, ${listed[0]} sessions and ${listed[1]} open files (ms)`;
    const width = Math.max(...rows.map(([name]) => name.length));
    process.stdout.write(`${header}\n${"operation".padEnd(width)}  median     p90\n`);
    for (const [name, [median, p90]] of rows) {
      process.stdout.write(
        `${name.padEnd(width)}  ${median.toFixed(2).padStart(6)}  ${p90.toFixed(2).padStart(6)}\n`,
      );
    }
  } finally {
    await provider?.close();
    await Promise.all(held.map((h) => h.release()));
    await samba.stop();
  }
}
