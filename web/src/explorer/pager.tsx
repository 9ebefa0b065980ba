/** Page controls for a server-paginated list. */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { page, pageSize, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav class="row pager" aria-label="Pages">
      <button
        type="button"
        disabled={page <= 1}
        onClick={() => props.onPage(1)}
        aria-label="First page"
      >
        «
      </button>
      <button
        type="button"
        disabled={page <= 1}
        onClick={() => props.onPage(page - 1)}
        data-testid="page-prev"
      >
        Previous
      </button>
      <span data-testid="page-info">
        Page {page} of {pages} · {first}–{last} of {total}
      </span>
      <button
        type="button"
        disabled={page >= pages}
        onClick={() => props.onPage(page + 1)}
        data-testid="page-next"
      >
        Next
      </button>
      <button
        type="button"
        disabled={page >= pages}
        onClick={() => props.onPage(pages)}
        aria-label="Last page"
      >
        »
      </button>
    </nav>
  );
}
