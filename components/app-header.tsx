import Link from "next/link";

const NAV = [{ href: "/traces", label: "Traces" }];

export function AppHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/traces" className="font-semibold tracking-tight">
          Traceboard
        </Link>
        {NAV.map((item) => (
          <Link key={item.href} href={item.href} className="text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            {item.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
