import { deleteApp, initializeApp } from 'firebase/app';
import {
  connectAuthEmulator,
  getAuth,
  GoogleAuthProvider,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
} from 'firebase/auth';

/** The web config the server publishes at GET /admin/login/options. */
export interface FirebaseWebConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  appId?: string;
  emulatorHost?: string;
}

/**
 * Signs in with the Firebase JS SDK and returns a fresh ID token for the server to turn into
 * a session. The browser then signs out of Firebase: the HttpOnly session cookie is the only
 * credential left in the page, so script injection cannot lift a Firebase refresh token.
 */
export async function signInWithFirebase(
  config: FirebaseWebConfig,
  method: 'google' | { email: string; password: string },
): Promise<string> {
  const app = initializeApp(
    {
      apiKey: config.apiKey,
      authDomain: config.authDomain,
      projectId: config.projectId,
      ...(config.appId ? { appId: config.appId } : {}),
    },
    `adaptive-mock-${Date.now()}`,
  );
  try {
    const auth = getAuth(app);
    if (config.emulatorHost)
      connectAuthEmulator(auth, `http://${config.emulatorHost}`, { disableWarnings: true });
    const result =
      method === 'google'
        ? await signInWithPopup(auth, new GoogleAuthProvider())
        : await signInWithEmailAndPassword(auth, method.email, method.password);
    const idToken = await result.user.getIdToken(true);
    await signOut(auth);
    return idToken;
  } finally {
    await deleteApp(app);
  }
}
