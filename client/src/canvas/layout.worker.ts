// Lays graphs out off the main thread, so that a large layout never freezes the page.
import { computeLayout } from './computeLayout';
import type { LayoutRequest } from './layoutWorker';

self.onmessage = (event: MessageEvent<LayoutRequest>) => self.postMessage(computeLayout(event.data));
