// `npm start`: build the web app if needed, then serve everything on PORT (default 3000).
import { buildServerIfStale, buildWebIfStale, runServer } from "./lib.mjs";

buildWebIfStale();
await buildServerIfStale();
runServer({ NODE_ENV: process.env.NODE_ENV ?? "production" });
