export { createLocalProvider, LOCAL_CAPABILITIES, LocalProvider } from './provider.js';
