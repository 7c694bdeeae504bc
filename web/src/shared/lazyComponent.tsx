// A component whose code downloads on first use (a dynamic import), so a first page stays small.
// The download starts once; after a failure the next draw (or load()) tries again. While it
// downloads `Loading` is drawn, and `Failed` when it could not be had.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

export type LazyComponent<P extends object> = ComponentType<P> & {
  /** Starts the download once (again after a failure); resolves to the component. */
  load: () => Promise<ComponentType<P>>;
};

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Loading: ComponentType,
  Failed: ComponentType,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => {
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null; // the next draw tries again
        throw e;
      },
    );
    return loading;
  };
  const lazy = function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loadOnce().then(
        (c) => live && setComponent(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Component) return <Component {...props} />;
    return failed ? <Failed /> : <Loading />;
  };
  lazy.load = loadOnce;
  return lazy;
}
