// Module hooks for the built-bundle test: `import 'electron'` gets the stand-in.
import { register } from 'node:module';

const standIn = new URL('./electron-stand-in.mjs', import.meta.url).href;
register(
  `data:text/javascript,export async function resolve(specifier, context, next) {
    if (specifier === 'electron') return { url: ${JSON.stringify(standIn)}, shortCircuit: true };
    return next(specifier, context);
  }`,
);
