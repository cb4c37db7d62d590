// A real OpenID Provider (panva's certified `oidc-provider`) for the browser tests, loopback only.
//
//   node e2e/oidc_provider/server.mjs '<json config>'
//
// The config names one client and the accounts that may sign in:
//   {"client_id": "...", "client_secret": "...", "redirect_uri": "http://localhost:8081/oidc/callback/",
//    "accounts": {"caroline": {"email": "...", "email_verified": true, "name": "..."}}}
//
// The server listens on a free port on 127.0.0.1 and prints its issuer on the first line of
// standard output; it stops when its standard input closes, so it never outlives the test.
// Sign-in and consent use the provider's built-in development pages (devInteractions): the login
// typed there is the account's key in "accounts"; any password is accepted.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";

import Provider from "oidc-provider";

const config = JSON.parse(process.argv[2] ?? "{}");
for (const key of ["client_id", "client_secret", "redirect_uri", "accounts"]) {
  if (!config[key]) {
    console.error(`server.mjs: the config needs "${key}"`);
    process.exit(2);
  }
}

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-rs256", alg: "RS256", use: "sig" };

const server = createServer();
server.listen(0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.client_id,
        client_secret: config.client_secret,
        redirect_uris: [config.redirect_uri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, id) {
      const account = config.accounts[id];
      if (!account) {
        return undefined;
      }
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...account };
        },
      };
    },
  });
  server.on("request", provider.callback());
  console.log(issuer);
});

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
