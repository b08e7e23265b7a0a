import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { QueryProvider } from "@/components/query-provider";
import { THEME_BOOT_SCRIPT } from "@/components/theme-toggle";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import "./globals.css";

export const metadata: Metadata = {
  title: "Traceboard",
  description: "Self-hosted distributed tracing",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <QueryProvider>
          <AppHeader />
          <main className="mx-auto max-w-[1800px] px-4 py-6">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
