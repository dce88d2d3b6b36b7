// `npm run dev`: the API on PORT (default 3000) and Vite's dev server with hot reload on 5173,
// which proxies /api to the API.
import { spawn } from "node:child_process";
import { bin, root, runServer } from "./lib.mjs";

runServer({ NODE_ENV: "development" }, { tsx: true });
const vite = spawn(bin("vite"), ["--port", "5173"], { cwd: root, stdio: "inherit" });
process.on("exit", () => vite.kill());
