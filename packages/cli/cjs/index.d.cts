// Types of the CommonJS entry (cjs/index.cjs). The API is the ES module's, reached after init().
import type * as dockfix from '../dist/index.js';

/** Loads the engine and the built-in rules once; resolves to the ES module's namespace. */
export declare function init(): Promise<typeof dockfix>;
/** True once init() has finished. */
export declare function isReady(): boolean;
/** Lints Dockerfile text with the built-in rules; throws before init() has finished. */
export declare function lint(text: string, options?: dockfix.LintOptions): dockfix.LintResult;
/** Applies the built-in rules' fixes; throws before init() has finished. */
export declare function fix(text: string, options?: dockfix.FixOptions): dockfix.FixResult;
