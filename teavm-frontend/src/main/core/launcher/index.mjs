// What the TeaVM-compiled Java imports (Launcher, JsValues): the launcher is promise plumbing over
// the WASI objects of the Java side, which it reaches only through the host object it is handed.
export { describe } from '../../shared/describe.mjs';
export { run } from './run.mjs';
export { install, uninstall, start } from './install.mjs';
