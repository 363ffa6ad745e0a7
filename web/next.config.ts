import type { NextConfig } from 'next';

// The browser talks only to the dashboard's origin; GraphQL, subscriptions (SSE), downloads and
// tus uploads are proxied to the gateway so its HttpOnly session cookie is first-party.
// GATEWAY_URL is read when the app is built (rewrites are compiled into the build).
const gateway = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep proxied event streams unbuffered; a front proxy compresses in production.
  compress: false,
  // `npm run typecheck` checks types; a build may skip it (the e2e test's build does).
  typescript: { ignoreBuildErrors: process.env.SYNCOXIDE_SKIP_BUILD_TYPECHECK === '1' },
  async rewrites() {
    return [
      { source: '/graphql', destination: `${gateway}/graphql` },
      { source: '/files/:path*', destination: `${gateway}/files/:path*` },
      { source: '/api/:path*', destination: `${gateway}/:path*` },
    ];
  },
};

export default nextConfig;
