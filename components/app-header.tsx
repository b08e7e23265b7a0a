import Link from "next/link";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export const NAV = [
  { href: "/traces", label: "Traces" },
  { href: "/compare", label: "Compare" },
  { href: "/stats", label: "Stats" },
  { href: "/services", label: "Services" },
  { href: "/audit", label: "Audit" },
  { href: "/open", label: "Open file" },
];

export function AppHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav className="mx-auto flex max-w-[1800px] items-center gap-6 px-4 py-3">
        <Link href="/traces" className="font-semibold tracking-tight">
          Traceboard
        </Link>
        <NavLinks items={NAV} />
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </nav>
    </header>
  );
}
