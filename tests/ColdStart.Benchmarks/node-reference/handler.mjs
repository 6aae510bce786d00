// The Node reference of the cold-start benchmark: what Momento's Node.js token vending machine sample does, as a
// Lambda handler. The Momento key is read from Secrets Manager once per container; one AuthClient mints disposable
// tokens, subscribe-only on the cache's topics for 1 hour; each caller's token is kept in the Momento cache for
// 55 minutes (a hit costs one call, a miss three: README's "Calls per vend"). The only thing built differently from a
// deployment are the Momento credentials: the key's own provider with every endpoint overridden to the loopback
// server at MOMENTO_LOOPBACK_ENDPOINT, in plaintext. (The SDK's MomentoLocalProvider points at the same kind of
// endpoint but sends an empty key, which the server, like Momento, refuses.)
import { createHash } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  AllTopics,
  AuthClient,
  CacheClient,
  CacheGet,
  CacheSet,
  Configurations,
  CredentialProvider,
  ExpiresIn,
  GenerateDisposableToken,
  TokenScopes,
} from '@gomomento/sdk';

const tokenLifetime = ExpiresIn.hours(1);
const cacheTtlSeconds = 55 * 60;
const secrets = new SecretsManagerClient({});
let momento;

export const handler = async (event) => {
  try {
    const cacheName = process.env.CACHE_NAME;
    const { auth, cache } = await clients();
    const itemKey = `token-vending:${createHash('sha256').update(event.requestContext.http.sourceIp).digest('hex')}`;
    const cached = await cache.get(cacheName, itemKey);
    if (cached instanceof CacheGet.Hit) {
      return ok(cached.valueString());
    }

    const minted = await auth.generateDisposableToken(TokenScopes.topicSubscribeOnly(cacheName, AllTopics), tokenLifetime);
    if (!(minted instanceof GenerateDisposableToken.Success)) {
      throw new Error(`generateDisposableToken failed: ${minted.errorCode()}`);
    }

    const body = JSON.stringify({ token: minted.authToken, exp: minted.expiresAt.epoch() });
    const stored = await cache.set(cacheName, itemKey, body, { ttl: cacheTtlSeconds });
    if (!(stored instanceof CacheSet.Success)) {
      console.warn(`cache set failed: ${stored.errorCode()}`);
    }

    return ok(body);
  } catch (err) {
    console.error(err);
    return { statusCode: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'An error occurred!' }) };
  }
};

async function clients() {
  if (momento === undefined) {
    const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }));
    const endpoint = process.env.MOMENTO_LOOPBACK_ENDPOINT;
    const credentialProvider = CredentialProvider.fromString({
      apiKey: JSON.parse(secret.SecretString).authToken,
      endpointOverrides: { controlEndpoint: endpoint, cacheEndpoint: endpoint, tokenEndpoint: endpoint, secureConnection: false },
    });
    momento = {
      auth: new AuthClient({ credentialProvider }),
      cache: new CacheClient({ configuration: Configurations.Lambda.latest(), credentialProvider, defaultTtlSeconds: cacheTtlSeconds }),
    };
  }

  return momento;
}

function ok(body) {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
    body,
  };
}
