// node run.mjs <path to frostbyte_heap32.wasm>: print the 32-bit heap report.
import { readFileSync } from "node:fs";
const wasm = readFileSync(process.argv[2]);
const { instance } = await WebAssembly.instantiate(wasm, {});
const r = instance.exports.report();
const ptr = Number(r >> 32n), len = Number(r & 0xffffffffn);
const bytes = new Uint8Array(instance.exports.memory.buffer, ptr, len);
process.stdout.write(new TextDecoder().decode(bytes));
