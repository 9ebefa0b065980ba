import { describe, expect, it } from 'vitest';
import { createPathLearner } from './create-path-learner.js';
import { TOKEN_MASK } from './path-limits.js';

/** Real-world paths (GitHub, Stripe, Shopify, product examples) and their template from one observation. */
const REAL_WORLD: [path: string, template: string][] = [
  // GitHub: owner and repo names are literals until cardinality or a rule says otherwise.
  ['/repos/octocat/hello-world/issues/42', '/repos/octocat/hello-world/issues/{id}'],
  ['/repos/octocat/Hello-World/pulls/1347/files', '/repos/octocat/Hello-World/pulls/{id}/files'],
  [
    '/repos/octocat/hello-world/issues/42/comments',
    '/repos/octocat/hello-world/issues/{id}/comments',
  ],
  [
    '/repos/octocat/hello-world/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e',
    '/repos/octocat/hello-world/commits/{hash}',
  ],
  [
    '/repos/octocat/hello-world/git/refs/heads/main',
    '/repos/octocat/hello-world/git/refs/heads/main',
  ],
  [
    '/repos/octocat/hello-world/releases/tags/v1.0.0',
    '/repos/octocat/hello-world/releases/tags/v1.0.0',
  ],
  [
    '/repos/octocat/hello-world/contents/src/index.ts',
    '/repos/octocat/hello-world/contents/src/index.ts',
  ],
  ['/users/octocat', '/users/octocat'],
  ['/user/repos', '/user/repos'],
  ['/orgs/github/repos', '/orgs/github/repos'],
  ['/orgs/42/teams/7/members', '/orgs/{org}/teams/{team}/members'],
  ['/gists/aa5a315d61ae9438b18d', '/gists/{hash}'],
  ['/search/repositories', '/search/repositories'],
  ['/rate_limit', '/rate_limit'],
  ['/notifications/threads/1', '/notifications/threads/{id}'],
  // Stripe: prefixed ids.
  ['/v1/customers/cus_NffrFeUfNV2Hib', '/v1/customers/{id}'],
  ['/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm', '/v1/payment_intents/{id}/confirm'],
  ['/v1/payment_method_configurations', '/v1/payment_method_configurations'],
  [
    '/v1/customers/cus_NffrFeUfNV2Hib/sources/card_1MvoiELkdIwHu7ixOeFGbN9D',
    '/v1/customers/{customer}/sources/{source}',
  ],
  ['/v1/checkout/sessions/cs_test_a1b2C3d4E5f6G7h8I9j0', '/v1/checkout/sessions/{id}'],
  ['/v1/balance', '/v1/balance'],
  ['/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15/refunds', '/v1/charges/{id}/refunds'],
  ['/v1/accounts/acct_1032D82eZvKYlo2C/external_accounts', '/v1/accounts/{id}/external_accounts'],
  ['/v1/subscription_schedules/sub_sched_1Mr3gWLkdIwHu7ix', '/v1/subscription_schedules/{id}'],
  [
    '/v1/test_helpers/test_clocks/clock_1Mr3gWLkdIwHu7ixzhWkV4Fj/advance',
    '/v1/test_helpers/test_clocks/{id}/advance',
  ],
  // Shopify: API versions stay literal, `.json` stays after the id.
  ['/admin/api/2024-01/products/632910392.json', '/admin/api/2024-01/products/{id}.json'],
  [
    '/admin/api/2024-01/orders/450789469/fulfillments.json',
    '/admin/api/2024-01/orders/{id}/fulfillments.json',
  ],
  ['/admin/api/2024-01/products.json', '/admin/api/2024-01/products.json'],
  ['/admin/oauth/access_token', '/admin/oauth/access_token'],
  [
    '/admin/api/2024-01/customers/207119551/addresses/1053317291.json',
    '/admin/api/2024-01/customers/{customer}/addresses/{address}.json',
  ],
  // The product's five examples.
  ['/users/42', '/users/{id}'],
  ['/users/550e8400-e29b-41d4-a716-446655440000', '/users/{id}'],
  ['/files/a1b2c3d4e5f6a7b8c9d0', '/files/{hash}'],
  ['/posts/my-first-blog-post', '/posts/{slug}'],
  ['/confirm/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123', '/confirm/{token}'],
  // Real routes that must stay literal, and documented edge cases.
  ['/users/me', '/users/me'],
  ['/api/v2/items', '/api/v2/items'],
  ['/oauth2/token', '/oauth2/token'],
  ['/api/v1/oauth2/token', '/api/v1/oauth2/token'],
  ['/settings/profile', '/settings/profile'],
  ['/.well-known/openid-configuration', '/.well-known/openid-configuration'],
  ['/graphql', '/graphql'],
  ['/api/v1beta/models', '/api/v1beta/models'],
  ['/index.html', '/index.html'],
  ['/favicon.ico', '/favicon.ico'],
  ['/auth/2fa/verify', '/auth/2fa/verify'],
  ['/u/user01', '/u/user01'],
  ['/u/12.5', '/u/12.5'],
  ['/apps/com.example.my-app', '/apps/com.example.my-app'],
  ['/Users/Alice', '/Users/Alice'],
  ['/users/550E8400-E29B-41D4-A716-446655440000/settings', '/users/{id}/settings'],
  ['/docs/user-profile-settings', '/docs/{slug}'],
  ['/reports/2024-01-15', '/reports/{slug}'],
  ['/avatars/d41d8cd98f00b204e9800998ecf8427e.png', '/avatars/{hash}.png'],
  ['/password-resets/dGhpcyBpcyBhIHJhbmRvbSB0b2tlbjEyMw==', '/password-resets/{token}'],
  ['/users/42/posts/7', '/users/{user}/posts/{post}'],
  ['/1/2', '/{id}/{id2}'],
  ['/', '/'],
];

describe('createPathLearner: real-world templates', () => {
  it('has at least 40 cases', () => {
    expect(REAL_WORLD.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REAL_WORLD)('%s → %s', (path, template) => {
    expect(createPathLearner().observe('GET', path).template).toBe(template);
  });

  it('gives the same templates when all paths share one learner', () => {
    const learner = createPathLearner();
    const templates = REAL_WORLD.map(([path]) => learner.observe('GET', path).template);
    expect(templates).toEqual(REAL_WORLD.map(([, template]) => template));
    expect(learner.countEndpoints()).toBe(new Set(templates).size);
  });
});

describe('createPathLearner: observe', () => {
  it('ignores trailing slashes, empty segments and the query; keeps case', () => {
    const learner = createPathLearner();
    const templates = ['/users', '/users/', '//users', '/users?page=2', '/Users'].map(
      (path) => learner.observe('GET', path).template,
    );
    expect(templates).toEqual(['/users', '/users', '/users', '/users', '/Users']);
    expect(learner.countEndpoints()).toBe(2);
  });

  it('reports parameter values, masking tokens', () => {
    const learner = createPathLearner();
    expect(learner.observe('GET', '/orgs/acme1/repos/42').params).toEqual({ id: '42' });
    expect(learner.observe('GET', '/products/632910392.json').params).toEqual({ id: '632910392' });
    expect(learner.observe('GET', '/confirm/eyJhbGciOiJIUzI1NiJ9.x.y').params).toEqual({
      token: TOKEN_MASK,
    });
  });

  it('keeps one endpoint per method on a shared template', () => {
    const learner = createPathLearner();
    learner.observe('GET', '/users/1');
    learner.observe('DELETE', '/users/2');
    learner.observe('GET', '/users/3');
    expect(learner.listEndpoints()).toEqual([
      { method: 'GET', template: '/users/{id}' },
      { method: 'DELETE', template: '/users/{id}' },
    ]);
  });

  it('treats __proto__ and constructor as plain data', () => {
    const learner = createPathLearner();
    const result = learner.observe('GET', '/__proto__/constructor/constructor/1/x/2');
    expect(result.template).toBe('/__proto__/constructor/constructor/{constructor}/x/{x}');
    expect(Object.getPrototypeOf(result.params)).toBeNull();
    expect(result.params['constructor']).toBe('1');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps braces in raw segments percent-encoded so templates stay unambiguous', () => {
    const learner = createPathLearner();
    expect(learner.observe('GET', '/users/{id}').template).toBe('/users/%7Bid%7D');
    expect(learner.observe('GET', '/users/%7Bid%7D').template).toBe('/users/%7Bid%7D');
    expect(learner.countEndpoints()).toBe(1);
  });
});

describe('createPathLearner: match', () => {
  const learner = createPathLearner();
  for (const path of ['/users/me', '/users/me/settings', '/users/7/posts', '/users/8']) {
    learner.observe('GET', path);
  }
  learner.observe('DELETE', '/users/9');

  it.each([
    ['GET', '/users/me', '/users/me', {}, true],
    ['GET', '/users/41', '/users/{id}', { id: '41' }, true],
    ['GET', '/users/me/posts', '/users/me/posts', {}, false],
    ['GET', '/users/5/posts/', '/users/{id}/posts', { id: '5' }, true],
    ['PUT', '/users/5', '/users/{id}', { id: '5' }, false],
    ['GET', '/orders/5', '/orders/{id}', { id: '5' }, false],
    ['GET', '/users/me/settings', '/users/me/settings', {}, true],
  ])('%s %s → %s', (method, path, template, params, known) => {
    expect(learner.match(method, path)).toEqual({ template, params, known });
  });

  it('does not learn', () => {
    const before = learner.toJSON();
    learner.match('GET', '/brand/new/path');
    expect(learner.toJSON()).toEqual(before);
  });

  it('backtracks from a literal branch to the parameter branch', () => {
    const backtracking = createPathLearner();
    backtracking.setRules([{ pattern: '/users/{user}', kind: 'param' }]);
    backtracking.observe('GET', '/users/alice/posts');
    backtracking.observe('GET', '/users/me');
    backtracking.setRules([
      { pattern: '/users/{user}', kind: 'param' },
      { pattern: '/users/me', kind: 'literal' },
    ]);
    backtracking.observe('GET', '/users/me');
    expect(backtracking.match('GET', '/users/me/posts')).toEqual({
      template: '/users/{user}/posts',
      params: { user: 'me' },
      known: true,
    });
  });
});

describe('createPathLearner: tokens never kept', () => {
  it('stores no raw token anywhere in its state', () => {
    const learner = createPathLearner();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123';
    const opaque = `K${'q'.repeat(299)}`;
    for (const path of [`/confirm/${jwt}`, `/reset/${opaque}/done`, `/dl/${jwt}.json`]) {
      const result = learner.observe('GET', path);
      expect(JSON.stringify(result)).not.toContain(jwt);
      expect(JSON.stringify(result)).not.toContain(opaque);
    }
    const state = JSON.stringify(learner.toJSON());
    expect(state).not.toContain(jwt);
    expect(state).not.toContain(opaque);
    expect(learner.listEndpoints().map((e) => e.template)).toEqual([
      '/confirm/{token}',
      '/reset/{token}/done',
      '/dl/{token}.json',
    ]);
  });
});
