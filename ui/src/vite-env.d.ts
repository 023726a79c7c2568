// Vite's ambient types for what the bundler imports besides TypeScript (CSS modules).
/// <reference types="vite/client" />
