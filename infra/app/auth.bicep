// App Service Authentication (Easy Auth) with Microsoft Entra ID. The platform validates the bearer token
// and passes the principal (with the app roles) in X-MS-CLIENT-PRINCIPAL, which EasyAuthUserResolver reads.
// Requests without a valid token get 401 before the app runs, except the WeChat callback, which proves
// itself with WeChat's signature (CallbackToken) instead, and the 审核台's static files (/desk/), which hold no data:
// the desk sends people to /.auth/login/aad, and its /api calls carry the session cookie. No client secret: the
// browser sign-in uses an ID token (the app registration must allow ID tokens and list /.auth/login/aad/callback).
param functionAppName string
param clientId string
param tenantId string

// Paths that skip platform authentication; the app must authenticate them itself.
var excludedPaths = ['/api/channels/wechat/events', '/desk', '/desk/*']

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          // Tokens requested for the API's scope carry either form of the audience.
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}
