/**
 * @kubernetes/client-node, an optional peer dependency of the package: loaded when a cluster is
 * first used, so `renderChart` and the offline checks of "./testing" work without it installed.
 */
let loading: Promise<typeof import("@kubernetes/client-node")> | undefined;

export function clientNode(): Promise<typeof import("@kubernetes/client-node")> {
  loading ??= import("@kubernetes/client-node").catch((error: unknown) => {
    loading = undefined;
    throw new Error(
      "the cluster harness needs @kubernetes/client-node ~1.4: npm install --save-dev @kubernetes/client-node@~1.4",
      {
        cause: error,
      },
    );
  });
  return loading;
}
