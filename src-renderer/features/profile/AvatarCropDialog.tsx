import { Box, Button, Group, Modal, Slider, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AVATAR_SIZE, cropRect, cropToBlob, drawCrop, type Crop } from './crop-image';

const PREVIEW = 240;

/**
 * Crop a picked picture to a square: drag it, or use the sliders (keyboard
 * friendly). The preview is the very canvas drawing that gets uploaded.
 */
export function AvatarCropDialog({
  image,
  type,
  onCancel,
  onSave,
}: {
  image: HTMLImageElement | undefined;
  type: string;
  onCancel: () => void;
  onSave: (picture: Blob) => Promise<void>;
}) {
  const t = useT();
  // A state, not a ref: the modal mounts its body after opening, and the first drawing must wait for it.
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const drag = useRef<{ x: number; y: number; crop: Crop }>(undefined);
  const [crop, setCrop] = useState<Crop>({ zoom: 1, x: 0.5, y: 0.5 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => setCrop({ zoom: 1, x: 0.5, y: 0.5 }), [image]);
  useEffect(() => {
    if (image && canvas) drawCrop(canvas, image, crop);
  }, [image, crop, canvas]);

  function startDrag(event: PointerEvent<HTMLCanvasElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, crop };
  }
  function moveDrag(event: PointerEvent<HTMLCanvasElement>) {
    if (!drag.current || !image) return;
    const size = { width: image.naturalWidth, height: image.naturalHeight };
    const { side } = cropRect(size, drag.current.crop);
    // One preview pixel is side/PREVIEW source pixels; moving the picture right moves the crop left.
    const scale = side / PREVIEW;
    const freeX = size.width - side;
    const freeY = size.height - side;
    const dx = freeX > 0 ? ((event.clientX - drag.current.x) * scale) / freeX : 0;
    const dy = freeY > 0 ? ((event.clientY - drag.current.y) * scale) / freeY : 0;
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    setCrop({
      ...drag.current.crop,
      x: clamp(drag.current.crop.x - dx),
      y: clamp(drag.current.crop.y - dy),
    });
  }

  async function save() {
    if (!image) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(await cropToBlob(image, crop, type));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={image !== undefined}
      onClose={onCancel}
      title={t('avatar.cropTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('avatar.cropHint')}
        </Text>
        <Box mx="auto">
          <canvas
            ref={setCanvas}
            width={AVATAR_SIZE}
            height={AVATAR_SIZE}
            aria-label={t('avatar.preview')}
            role="img"
            data-testid="avatar-crop-preview"
            onPointerDown={startDrag}
            onPointerMove={moveDrag}
            onPointerUp={() => (drag.current = undefined)}
            style={{
              width: PREVIEW,
              height: PREVIEW,
              borderRadius: '50%',
              touchAction: 'none',
              cursor: 'grab',
              display: 'block',
            }}
          />
        </Box>
        <CropSlider
          label={t('avatar.zoom')}
          min={1}
          max={4}
          value={crop.zoom}
          onChange={(zoom) => setCrop({ ...crop, zoom })}
        />
        <CropSlider
          label={t('avatar.horizontal')}
          min={0}
          max={1}
          value={crop.x}
          onChange={(x) => setCrop({ ...crop, x })}
        />
        <CropSlider
          label={t('avatar.vertical')}
          min={0}
          max={1}
          value={crop.y}
          onChange={(y) => setCrop({ ...crop, y })}
        />
        {error !== undefined && <ErrorNotice error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('avatar.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CropSlider(props: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} aria-hidden>
        {props.label}
      </Text>
      <Slider
        min={props.min}
        max={props.max}
        step={0.01}
        value={props.value}
        onChange={props.onChange}
        label={null}
        thumbLabel={props.label}
      />
    </Stack>
  );
}
