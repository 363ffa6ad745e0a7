'use client';
// First run: a new account connects its first remote, then lands in My Drive.
import { useRouter } from 'next/navigation';
import { AppShell } from '../../components/AppShell';
import { ConnectRemoteForm } from '../../components/ConnectRemoteForm';

export default function WelcomePage() {
  const router = useRouter();
  return (
    <AppShell bare>
      <section className="welcome">
        <h1>Welcome! Connect your first remote</h1>
        <p>
          A remote is a place that holds files: a folder, an S3 bucket, an SFTP or WebDAV server, or any
          rclone backend. syncoxide scans it once and keeps an index so you can browse and search everything
          together.
        </p>
        <ConnectRemoteForm onConnected={() => router.push('/drive')} />
      </section>
    </AppShell>
  );
}
