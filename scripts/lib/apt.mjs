import { run } from "./setup.mjs";

/** Installs Debian packages with apt-get (through sudo when not root); exits if that fails. */
export function aptInstall(...packages) {
  const apt = (...args) => (process.getuid?.() === 0 ? run("apt-get", args) : run("sudo", ["apt-get", ...args]));
  apt("update", "-qq");
  apt("install", "-y", "-qq", ...packages);
}
