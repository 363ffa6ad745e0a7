'use client';
// The photo library inside the dashboard's signed-in frame.
import type { ReactNode } from 'react';
import { AppShell } from '../../components/AppShell';

export default function PhotosLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
