'use client';
// The owner's "hide locations" setting: GPS is left out of every photo's data (and what is
// stored now is removed) while it is on.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useNotices } from '../../../components/Notices';
import { errorMessage } from '../../../lib/format';
import { PHOTO_SETTINGS, SET_PHOTO_SETTINGS } from '../_lib/operations';
import styles from '../photos.module.css';

export function LocationSetting() {
  const client = useApolloClient();
  const { notify } = useNotices();
  const { data } = useQuery(PHOTO_SETTINGS);
  const [save, { loading }] = useMutation(SET_PHOTO_SETTINGS);
  if (!data) return null;
  const hidden = data.photoSettings.hideLocation;

  async function toggle() {
    try {
      await save({ variables: { hideLocation: !hidden } });
      // Every cached photo may still hold its location (the viewer, the grid): drop them all so
      // nothing shown afterwards comes from before the change.
      await client.resetStore();
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <label className={styles.setting}>
      <input type="checkbox" checked={hidden} disabled={loading} onChange={() => void toggle()} /> Hide photo
      locations
    </label>
  );
}
