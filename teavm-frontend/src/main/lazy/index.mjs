// wasi-polyfill/lazy: MemFS files whose bytes come from a URL when first read, over synchronous XMLHttpRequest
// (a guest's read is synchronous): ranges of at least 1 MiB where the server answers 206, else the whole body once.

function report(onError, error) {
  try {
    (onError ?? console.error)(error);
  } catch {
    // A failing reporter must not turn the guest's EIO into a thrown error.
  }
}

const inWorker = typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;

/**
 * GETs url synchronously, with a Range header unless range is null; the body as a Uint8Array. A Worker gets an
 * ArrayBuffer; a page's main thread may not ask a synchronous request for one, so there the body comes as
 * x-user-defined text, one code unit a byte (0x80-0xff as U+F780-U+F7FF, whose low byte is the byte).
 */
function get(url, range) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  if (inWorker) {
    xhr.responseType = 'arraybuffer';
  } else {
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
  }
  if (range !== null) {
    xhr.setRequestHeader('Range', range);
  }
  xhr.send();
  let body;
  if (inWorker) {
    body = new Uint8Array(xhr.response ?? new ArrayBuffer(0));
  } else {
    const text = xhr.responseText;
    body = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      body[i] = text.charCodeAt(i);
    }
  }
  return { status: xhr.status, contentRange: xhr.getResponseHeader('Content-Range'), body };
}

/** The loader MemFS.createLazyFile calls: a Uint8Array, or null after reporting what failed. */
function httpLoader(path, url, size, ranges, onError) {
  let useRanges = ranges;
  // A server without ranges sends the whole body once; it is kept until every byte of it has been handed over.
  let whole = null;
  let handedOver = 0;
  const fromWhole = (offset, length) => {
    const part = whole.subarray(offset, offset + length);
    handedOver += length;
    if (handedOver >= size) {
      whole = null;
    }
    return part;
  };
  return (offset, length) => {
    const range = `bytes=${offset}-${offset + length - 1}`;
    if (whole !== null) {
      return fromWhole(offset, length);
    }
    try {
      const response = get(url, useRanges ? range : null);
      if (response.status === 206) {
        const answered = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.contentRange ?? '');
        if (answered && answered[3] !== '*' && Number(answered[3]) !== size) {
          throw new Error(`the server says the file has ${answered[3]} bytes, not ${size}`);
        }
        if (!answered || Number(answered[1]) !== offset || Number(answered[2]) !== offset + length - 1
            || response.body.length !== length) {
          throw new Error(`the server answered ${range} with ${response.contentRange ?? 'no Content-Range'} and `
            + `${response.body.length} bytes`);
        }
        return response.body;
      }
      if (response.status === 200) {
        useRanges = false;
        if (response.body.length !== size) {
          throw new Error(`the body has ${response.body.length} bytes, not the file's ${size}`);
        }
        whole = response.body;
        return fromWhole(offset, length);
      }
      throw new Error(response.status === 0 ? 'the request failed (network error, or blocked)'
        : `HTTP ${response.status}`);
    } catch (e) {
      const error = new Error(`wasi-polyfill/lazy: reading '${path}' from ${url} (${useRanges ? range : 'whole'}): `
        + `${e && e.message || e}`, { cause: e });
      report(onError, error);
      return null;
    }
  };
}

function checkArguments(operation, fs, path, url) {
  if (fs === null || typeof fs !== 'object' || typeof fs.createLazyFile !== 'function') {
    throw new TypeError(`${operation}: the first argument must be a MemFS`);
  }
  if (typeof path !== 'string') {
    throw new TypeError(`${operation}: path must be a string`);
  }
  if (typeof url !== 'string' && !(url instanceof URL)) {
    throw new TypeError(`${operation}: url must be a string or a URL`);
  }
  if (typeof XMLHttpRequest === 'undefined') {
    throw new TypeError(`${operation}: needs a synchronous XMLHttpRequest, which pages and Workers have and Node.js `
      + 'has not (there, give MemFS.createLazyFile a loader of your own)');
  }
  return String(url instanceof URL ? url.href : new URL(url, globalThis.location?.href).href);
}

/**
 * Makes path in fs a lazy file of options.size bytes read from url: each part is fetched the first time it is
 * read. A failed request is EIO for that read, and reported to options.onError (default console.error).
 */
export function lazyFile(fs, path, url, options = {}) {
  const href = checkArguments('lazyFile', fs, path, url);
  const { size, onError } = options;
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new TypeError('lazyFile: options.size must be the file\'s size in bytes (or use lazyFileFromUrl)');
  }
  fs.createLazyFile(path, size, httpLoader(path, href, size, options.ranges !== false, onError));
  return { size, ranges: options.ranges !== false };
}

/**
 * As lazyFile, with the size (and whether the server takes ranges) from a HEAD request, unless options.size
 * is given.
 */
export async function lazyFileFromUrl(fs, path, url, options = {}) {
  const href = checkArguments('lazyFileFromUrl', fs, path, url);
  let { size } = options;
  let ranges = options.ranges !== false;
  if (size === undefined) {
    const response = await fetch(href, { method: 'HEAD' });
    if (!response.ok) {
      throw new Error(`lazyFileFromUrl: HEAD ${href} answered HTTP ${response.status}`);
    }
    size = Number(response.headers.get('Content-Length'));
    if (!Number.isSafeInteger(size) || response.headers.get('Content-Length') === null) {
      throw new Error(`lazyFileFromUrl: HEAD ${href} gave no Content-Length; pass options.size`);
    }
    ranges = ranges && response.headers.get('Accept-Ranges') !== 'none';
  }
  return lazyFile(fs, path, href, { ...options, size, ranges });
}
