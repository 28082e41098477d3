import { ArchiveToolConfig, ConfigError, loadArchiveToolConfig, loadConfig, AppConfig } from './config';

/**
 * Validates the environment before Nest starts. On a bad value it prints one
 * line naming the variable and exits, so an operator sees the cause at once.
 */
export function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Nest's logger levels up to and including the configured one. */
export function nestLogLevels(level: AppConfig['logLevel']): (typeof LEVELS)[number][] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** The archive tools' configuration (verify-archive, archive-key), validated the same way. */
export function archiveToolConfigOrExit(): ArchiveToolConfig {
  try {
    return loadArchiveToolConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
