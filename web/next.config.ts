import type { NextConfig } from 'next';

// The dashboard talks to the gateway from the browser; its URL is public configuration.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  env: {
    NEXT_PUBLIC_GATEWAY_URL: process.env.SYNCOXIDE_GATEWAY_PUBLIC_URL ?? 'http://localhost:4000',
  },
};

export default nextConfig;
