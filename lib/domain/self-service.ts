/** The service name Traceboard records its own spans under (server and dashboard). Imports nothing. */
export const SELF_SERVICE_NAME = "traceboard";
