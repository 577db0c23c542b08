// pino logger settings. Request logs carry ids, methods, routes and status codes, never bodies,
// cookies or authorization headers: personal data and secrets stay out of the logs.
export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], remove: true },
    serializers: {
      req(req: { id: string; method: string; url: string }) {
        // Query strings may hold search terms (names): log the path only.
        return { id: req.id, method: req.method, path: req.url.split('?')[0] };
      },
    },
  };
}
