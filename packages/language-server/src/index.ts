export { startServer, FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND, type ServerOptions } from './server.js';
export { ruleDocUrl } from './convert.js';
export { main } from './main.js';
